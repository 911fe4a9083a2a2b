-c "trend throughput on b200 model dsr1 precision fp4"
# expect exit: 1
