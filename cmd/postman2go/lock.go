package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// lockName is the lock file of an output directory. It is empty and stays:
// removing it would let a run that opened it before the removal and one that
// creates a new one after it both think they hold the lock. It is not named
// *_gen.go, so it is never taken for generated output.
const lockName = ".postman2go.lock"

// lockTimeout is how long a run waits for another to finish with the same
// directory; tests shorten it.
var lockTimeout = 30 * time.Second

// dirLock is a held lock; a nil *dirLock is no lock.
type dirLock struct{ f *os.File }

func (l *dirLock) unlock() {
	if l == nil {
		return
	}
	unlockFile(l.f)
	l.f.Close()
}

// lockDir locks dir, waiting for at most lockTimeout while another run holds
// it. A write takes it exclusively, creating the lock file if need be. A
// check takes it shared, and only if the lock file already exists: a check
// writes nothing, so without a lock file (or with one it may not open) it
// goes without (nil, nil). A signal on stop ends the wait with an
// errInterrupted; waiting is called once if the lock is busy.
func lockDir(dir string, exclusive bool, stop <-chan os.Signal, waiting func()) (*dirLock, error) {
	path := filepath.Join(dir, lockName)
	info, err := os.Lstat(path)
	switch {
	case err == nil && !info.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a regular file: remove it (postman2go keeps an empty lock file there)", path)
	case errors.Is(err, fs.ErrNotExist) && !exclusive:
		return nil, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	flag := os.O_RDONLY | openNoFollow
	if exclusive {
		flag = os.O_RDWR | os.O_CREATE | openNoFollow
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		if !exclusive && (errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission)) {
			return nil, nil
		}
		return nil, err
	}
	start := time.Now()
	delay := 5 * time.Millisecond
	for first := true; ; first = false {
		ok, err := tryLockFile(f, exclusive)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", path, err)
		}
		if ok {
			return &dirLock{f}, nil
		}
		if first && waiting != nil {
			waiting()
		}
		if time.Since(start) >= lockTimeout {
			f.Close()
			return nil, fmt.Errorf("another postman2go is writing %s: its lock %s is still held after %v; try again when it is done", dir, path, lockTimeout)
		}
		select {
		case s := <-stop:
			f.Close()
			return nil, errInterrupted{s}
		case <-time.After(delay):
		}
		if delay < 100*time.Millisecond {
			delay *= 2
		}
	}
}
