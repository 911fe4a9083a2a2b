-c "accuracy on mi355x model dsr1 seq 1k/1k"
# expect exit: 1
