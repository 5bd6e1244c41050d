package rank

import "testing"

func TestHiddenOrder(t *testing.T) {
	items := []Item{{"b", 5}, {"a", 5}, {"c", 9}, {"d", 1}}
	got := Top(items, 3)
	want := []string{"c", "a", "b"}
	if len(got) != 3 {
		t.Fatalf("len = %d", len(got))
	}
	for i, w := range want {
		if got[i].Name != w {
			t.Fatalf("Top = %v, want names %v", got, want)
		}
	}
	if items[3].Name != "d" {
		t.Fatalf("items not sorted in place: %v", items)
	}
}

func TestHiddenNLargerAndNegativeScores(t *testing.T) {
	items := []Item{{"z", -1}, {"y", -1}, {"x", -5}}
	got := Top(items, 10)
	if len(got) != 3 || got[0].Name != "y" || got[1].Name != "z" || got[2].Name != "x" {
		t.Fatalf("Top = %v", got)
	}
	if got := Top(nil, 3); len(got) != 0 {
		t.Fatalf("Top(nil) = %v", got)
	}
}

func TestAllocsHiddenTop(t *testing.T) {
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
