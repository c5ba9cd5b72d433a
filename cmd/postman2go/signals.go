package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// While a write is in progress, SIGINT and SIGTERM do not kill the process:
// run catches them, the write is abandoned if its renames have not begun
// (nothing changes) or else finished (or undone on failure), and then run
// exits as the signal would have it (128+n: 130 for SIGINT, 143 for SIGTERM).
// A SIGKILL cannot be caught: the renames keep every file whole, and the
// next run removes the staging directory left behind.

// notifySignals and stopSignals are signal.Notify and signal.Stop for those
// two signals; tests replace them to inject a signal.
var (
	notifySignals = signalNotify
	stopSignals   = func(c chan<- os.Signal) { signal.Stop(c) }
)

// errInterrupted is the error of a write abandoned because of a signal.
type errInterrupted struct{ sig os.Signal }

func (e errInterrupted) Error() string { return signalText(e.sig) }

// signalText says what a signal did, the way a shell would.
func signalText(sig os.Signal) string {
	switch sig {
	case os.Interrupt:
		return "interrupted (SIGINT)"
	case syscall.SIGTERM:
		return "terminated (SIGTERM)"
	}
	return fmt.Sprintf("stopped by signal %v", sig)
}

// signalExitCode is the exit status of a run stopped by sig: 128+n, as
// shells report a process killed by signal n (SIGINT is 2, SIGTERM 15).
func signalExitCode(sig os.Signal) int {
	if sig == syscall.SIGTERM {
		return 128 + 15
	}
	return 128 + 2
}

// signalNotify is what notifySignals does, for tests that put it back.
func signalNotify(c chan<- os.Signal) { signal.Notify(c, os.Interrupt, syscall.SIGTERM) }
