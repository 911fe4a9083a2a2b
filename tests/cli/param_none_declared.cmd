# -D for a query that has no parameter at all.
-D target=75 -c "list vendors"
# expect exit: 2
