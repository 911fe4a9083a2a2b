# set power's messages name the constraint broken and give an example of set power.
--no-bail -c "set power b200 0" -c "set price b200 99999999999999999999999999999" -c "set power b200 250000"
# expect exit: 1
