//go:build !(darwin || dragonfly || freebsd || illumos || linux || netbsd || openbsd || windows)

package main

import "os"

const openNoFollow = 0

// tryLockFile is a no-op here (Solaris, AIX, Plan 9, js and wasip1 lack
// flock in package syscall): concurrent runs into one directory are not
// serialised on these systems. An O_EXCL lock file was not used instead
// because a run that is killed would leave it behind and block every later
// run until someone removed it by hand.
func tryLockFile(f *os.File, exclusive bool) (bool, error) { return true, nil }

func unlockFile(f *os.File) error { return nil }
