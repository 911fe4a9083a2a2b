# a misspelt `interactivity` after `at` gets its suggestion
-c "compare precision fp4 vs fp8 on mi355x model dsr1 at interactivty 50"
# expect exit: 1
