-c "expect cost(fp4) < cost(fp8)"
# expect exit: 1
