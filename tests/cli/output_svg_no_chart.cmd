# --format svg of a run whose results have no chart: an error naming each, and no empty document.
--format svg -c "list vendors" -c "set price mi355x 1.80" -c "rank gpu by cost at 50 model dsr1 precision fp8 seq 8k/1k"
# expect exit: 2
