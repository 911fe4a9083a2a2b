// The yardstick of tests/core/cold_start.py: a program that starts and ends, built as icq is.
int main() { return 0; }
