package export

import (
	"sort"
	"time"
)

// Related is an article to read next, shown under an article.
type Related struct {
	Title string `json:"title"`
	URL   string `json:"url"`  // site-relative
	Date  string `json:"date"` // RFC 3339, in Vietnam's time
}

// maxRelated is how many articles an article suggests; candidates from its
// category are taken among its newest few.
const (
	maxRelated         = 4
	categoryCandidates = 6
)

// articleInfo is what choosing related articles needs of one article.
type articleInfo struct {
	id, category string
	tags         []string // keyword slugs
	date         time.Time
	ref          Related
}

// relatedArticles chooses, for each article, up to maxRelated others: those
// sharing the most keywords (the newest first among equals), then the
// newest of its category. The export does this rather than Hugo's .Related
// because a page that asks Hugo for related pages depends on every page of
// the section, and an incremental build would then re-render every article
// after any change; written into each article's front matter, a list
// changes only when what it shows does.
func relatedArticles(arts []articleInfo) map[string][]Related {
	byTag := map[string][]int{}
	byCategory := map[string][]int{}
	for i, a := range arts {
		for _, t := range a.tags {
			byTag[t] = append(byTag[t], i)
		}
		byCategory[a.category] = append(byCategory[a.category], i)
	}
	newer := func(i, j int) bool {
		if !arts[i].date.Equal(arts[j].date) {
			return arts[i].date.After(arts[j].date)
		}
		return arts[i].id < arts[j].id
	}
	for _, list := range byCategory {
		sort.Slice(list, func(a, b int) bool { return newer(list[a], list[b]) })
	}

	out := make(map[string][]Related, len(arts))
	for i, a := range arts {
		shared := map[int]int{}
		for _, t := range a.tags {
			for _, j := range byTag[t] {
				if j != i {
					shared[j]++
				}
			}
		}
		cands := make([]int, 0, len(shared))
		for j := range shared {
			cands = append(cands, j)
		}
		sort.Slice(cands, func(x, y int) bool {
			if shared[cands[x]] != shared[cands[y]] {
				return shared[cands[x]] > shared[cands[y]]
			}
			return newer(cands[x], cands[y])
		})
		chosen := map[int]bool{}
		var list []Related
		for _, j := range cands {
			if len(list) == maxRelated {
				break
			}
			chosen[j] = true
			list = append(list, arts[j].ref)
		}
		same := byCategory[a.category]
		for _, j := range same[:min(len(same), categoryCandidates)] {
			if len(list) == maxRelated {
				break
			}
			if j != i && !chosen[j] {
				chosen[j] = true
				list = append(list, arts[j].ref)
			}
		}
		if len(list) > 0 {
			out[a.id] = list
		}
	}
	return out
}
