# A PNG asked for that no result can draw is an error naming the statement and why (nothing written).
--output rank.png -c "rank gpu by cost at 50 model dsr1 precision fp8"
# expect exit: 2
