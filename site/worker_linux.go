package site

import "syscall"

// workerSysProcAttr makes the kernel kill the worker if the portal dies
// (kill -9), so no orphan keeps building.
func workerSysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
