-c "compare precision fp4 vs fp8 on mi355x model dsr1 at 56" -c "expect cost(fp5) < cost(fp8)"
# expect exit: 1
