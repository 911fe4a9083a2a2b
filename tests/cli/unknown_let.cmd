-c "compare amd vs (gpu b200) model dsr1"
# expect exit: 1
