-c "compare precision fp4 vs bf16 on mi355x model dsr1"
# expect exit: 1
