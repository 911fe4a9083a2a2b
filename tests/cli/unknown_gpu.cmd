-c "compare precision fp4 vs fp8 on mi350x model dsr1"
# expect exit: 1
