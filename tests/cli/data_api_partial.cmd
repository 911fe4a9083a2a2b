--data {data}/api-partial -c "list sequences" -c "compare precision fp8 vs bf16 model qwen3.5 on h200 seq 8k/1k show throughput"
# expect exit: 1
