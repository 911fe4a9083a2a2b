-c "compare precision fp4 vs fp8 on mi355x model dsr2"
# expect exit: 1
