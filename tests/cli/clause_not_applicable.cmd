-c "frontier on mi355x model dsr1 at 50"
# expect exit: 1
