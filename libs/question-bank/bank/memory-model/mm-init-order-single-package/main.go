package main

import "fmt"

var banner = record("var banner")

func record(s string) string {
	fmt.Println(s)
	return s
}

func init() {
	fmt.Println("init A")
}

func main() {
	fmt.Println("main")
}

func init() {
	fmt.Println("init B")
}
