# `1e999` is one word that is not a number, not 1 and a name "e999"
-c "compare precision fp4 vs fp8 on mi355x model dsr1 at interactivity 1e999"
# expect exit: 1
