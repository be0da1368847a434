//! Clusters built by joining pairs: a disjoint-set forest whose roots are always the lowest
//! member of their cluster, so a cluster's root does not depend on the order pairs were joined.

pub struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub fn new(size: usize) -> UnionFind {
        UnionFind {
            parent: (0..size).collect(),
        }
    }

    /// The lowest member of `node`'s cluster.
    pub fn root(&mut self, mut node: usize) -> usize {
        while self.parent[node] != node {
            self.parent[node] = self.parent[self.parent[node]];
            node = self.parent[node];
        }
        node
    }

    pub fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }

    /// Whether all of `members` are already one cluster.
    pub fn together(&mut self, members: &[usize]) -> bool {
        let Some((&first, rest)) = members.split_first() else {
            return true;
        };
        let root = self.root(first);
        rest.iter().all(|&m| self.root(m) == root)
    }
}
