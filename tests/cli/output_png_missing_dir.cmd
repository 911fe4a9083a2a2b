# A PNG that could not be written is known before anything runs, with why.
--output /missing/dir/x.png -c "compare precision fp4 vs fp8 on mi355x model dsr1"
# expect exit: 2
