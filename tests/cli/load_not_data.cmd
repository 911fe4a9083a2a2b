# A load whose file gives no rows fails as a statement, saying why; the data stays as it was.
--no-bail -c "load {data}/README.md" -c "list models"
# expect exit: 2
