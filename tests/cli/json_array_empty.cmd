# --format json of a run that gives no result: an empty array, never nothing.
--format json -c "-- nothing but a comment"
