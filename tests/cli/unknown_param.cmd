-c "compare precision fp4 vs fp8 on mi355x model dsr1 at $target"
# expect exit: 1
