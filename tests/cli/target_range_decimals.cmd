# a range of targets gives the decimals a person writes (11.12, not 11.120000000000001)
-c "compare precision fp4 vs fp8 on mi355x model dsr1 at 11..11.2 step 0.02 show throughput"
