--strict --data {data}/agentic -c "compare gpu b200 vs mi355x model kimi seq agentic at interactivity 70"
# expect exit: 2
