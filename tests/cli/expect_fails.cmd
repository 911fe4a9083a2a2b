-c "compare precision fp4 vs fp8 on mi355x model dsr1" -c "expect cost(fp4) > cost(fp8) at 56" -c "list vendors"
# expect exit: 3
