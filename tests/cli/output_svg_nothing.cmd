# --format svg of a run that gives no result to draw (a session statement alone): an error, not an empty chart.
--format svg -c "set price mi355x 1.80"
# expect exit: 2
