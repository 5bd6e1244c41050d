package main

import (
	"fmt"
	"os"
	"path/filepath"
)

// Fails on its third run: it counts its runs in a file beside its binary (a fresh folder per
// verify of the question), standing in for a program whose output depends on timing.
func main() {
	exe, err := os.Executable()
	if err != nil {
		panic(err)
	}
	counter := filepath.Join(filepath.Dir(exe), "runs")
	data, _ := os.ReadFile(counter)
	data = append(data, 'x')
	if err := os.WriteFile(counter, data, 0o644); err != nil {
		panic(err)
	}
	if len(data) == 3 {
		fmt.Println("third run")
		return
	}
	fmt.Println("ok")
}
