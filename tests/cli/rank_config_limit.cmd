# rank covers every configuration (89 here, past a comparison's 32 sides); `limit N` shows the N best.
-c "rank config by cost at 50 model dsr1 precision fp8 seq 1k/1k limit 5"
