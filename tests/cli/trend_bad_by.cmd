-c "trend throughput on mi355x model dsr1 precision fp4 at 50 by gpuu"
# expect exit: 1
