//go:build !linux

package site

import "syscall"

// workerSysProcAttr: elsewhere than Linux the worker exits when its input
// closes, which a dead portal's does.
func workerSysProcAttr() *syscall.SysProcAttr { return nil }
