# -D of a parameter a query only uses ($NAME, no `param`) is the query's: it runs.
-D model=dsr1 -c 'list gpus for model $model'
