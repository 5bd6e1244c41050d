package rank

import "testing"

func TestOrder(t *testing.T) {
	items := []Item{{"b", 5}, {"a", 5}, {"c", 9}, {"d", 1}}
	got := Top(items, 3)
	want := []string{"c", "a", "b"}
	for i, w := range want {
		if got[i].Name != w {
			t.Fatalf("Top = %v, want names %v", got, want)
		}
	}
}

func TestAllocsTop(t *testing.T) {
	items := make([]Item, 200)
	n := testing.AllocsPerRun(50, func() {
		for i := range items {
			items[i] = Item{Name: "x", Score: (i * 7919) % 211}
		}
		_ = Top(items, 10)
	})
	if n > 0 {
		t.Fatalf("%v allocs per call, budget 0", n)
	}
}
