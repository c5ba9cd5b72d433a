//go:build unix

package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalWhileWaitingForLock (3, 4): the real binary, waiting for the
// lock another run holds, stops on SIGINT or SIGTERM with 130 or 143 and
// leaves the directory as it was.
func TestSignalWhileWaitingForLock(t *testing.T) {
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{
		{syscall.SIGINT, 130, "interrupted (SIGINT); nothing was written"},
		{syscall.SIGTERM, 143, "terminated (SIGTERM); nothing was written"},
	} {
		t.Run(c.sig.String(), func(t *testing.T) {
			ws := workspace(t)
			generate(t, ws)
			out := filepath.Join(ws, "out")
			lock, err := lockDir(out, true, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer lock.unlock()
			age(t, ws)
			before := snapshot(t, ws)

			cmd := exec.Command(builtBinary(t), "-o", "out", "-p", "renamed", "collection.json")
			cmd.Dir = ws
			pipe, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waiting := make(chan bool, 1)
			var stderr bytes.Buffer
			done := make(chan struct{})
			go func() {
				defer close(done)
				sc := bufio.NewScanner(pipe)
				for sc.Scan() {
					stderr.WriteString(sc.Text() + "\n")
					if strings.Contains(sc.Text(), "waiting for another postman2go writing out") {
						waiting <- true
					}
				}
			}()
			select {
			case <-waiting:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				<-done
				cmd.Wait()
				t.Fatalf("the run never said it was waiting for the lock:\n%s", stderr.String())
			}
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			<-done
			err = cmd.Wait()
			code := 0
			if exit, ok := err.(*exec.ExitError); ok {
				code = exit.ExitCode()
			}
			if code != c.code {
				t.Errorf("exit %d (%v), want %d\n%s", code, err, c.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), "postman2go: out: "+c.says) {
				t.Errorf("stderr:\n%s", stderr.String())
			}
			sameSnapshot(t, "interrupted run", before, snapshot(t, ws))
		})
	}
}

// TestLockFileSymlink: a symbolic link planted as the lock file is not
// followed.
func TestLockFileSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(t.TempDir(), "target")
	if err := os.Symlink(target, filepath.Join(dir, lockName)); err != nil {
		t.Fatal(err)
	}
	_, err := writeDir(dir, genFiles(map[string]string{"a_gen.go": testHeader}))
	if err == nil || !strings.Contains(err.Error(), lockName) {
		t.Errorf("writeDir with a symbolic link as lock file: %v", err)
	}
	if _, err := os.Lstat(target); !os.IsNotExist(err) {
		t.Errorf("the link's target was created (%v)", err)
	}
}
