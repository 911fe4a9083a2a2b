-c "compare precision fp4 vs"
# expect exit: 1
