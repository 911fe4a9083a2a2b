# Sourced by the tmux tests (they set $session and $work): wait for the screen with a deadline, as
# a loaded machine is slow; on a timeout, show the pane and the REPL's stderr and fail.
wait_deadline=${wait_deadline:-60}  # seconds for any one wait
wait_for() {  # wait_for TEXT: poll the pane until TEXT shows
  local end=$((SECONDS + wait_deadline))
  while ((SECONDS < end)); do
    tmux capture-pane -t "$session" -p | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "timed out waiting for the screen to show: $1"
  tmux capture-pane -t "$session" -p 2>/dev/null || true
  echo "--- stderr"; cat "$work/stderr" 2>/dev/null || true
  return 1
}
