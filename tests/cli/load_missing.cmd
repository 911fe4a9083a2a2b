-c "load /nonexistent/results.json"
# expect exit: 2
