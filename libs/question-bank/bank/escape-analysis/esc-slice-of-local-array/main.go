package main

//go:noinline
func header() []byte {
	var buf [8]byte
	copy(buf[:], "GOPREP01")
	return buf[:4]
}

//go:noinline
func checksum() byte {
	var buf [8]byte
	copy(buf[:], "GOPREP01")
	s := buf[:]
	var x byte
	for _, b := range s {
		x ^= b
	}
	return x
}

func main() {
	println(string(header()), checksum())
}
