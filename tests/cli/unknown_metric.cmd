-c "compare precision fp4 vs fp8 on mi355x model dsr1 show cost, thruput"
# expect exit: 1
