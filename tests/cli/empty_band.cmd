-c "compare (gpu h100 where conc >= 64) vs (gpu b200 where conc <= 4) model dsr1 precision fp8"
# expect exit: 1
