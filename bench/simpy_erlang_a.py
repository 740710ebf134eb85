"""The Erlang-A reference (M/M/c+M) in SimPy 3, the peer of the benchmark (issue 7).

The idiomatic SimPy model: one process per customer, a Resource for the agents, and
`request | timeout(patience)` for abandonment. Run with Debian's python3-simpy3:
    /usr/bin/python3 bench/simpy_erlang_a.py CONTACTS [SEED]
prints: contacts abandoned_rate service_level_20s
"""
import random
import sys

import simpy

ARRIVAL_MEAN, HANDLE_MEAN, PATIENCE_MEAN, AGENTS, TARGET = 30.0, 300.0, 180.0, 11, 20.0


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    env = simpy.Environment()
    agents = simpy.Resource(env, capacity=AGENTS)
    stats = {"answered": 0, "within": 0, "abandoned": 0}

    def customer():
        arrived = env.now
        with agents.request() as req:
            got = yield req | env.timeout(rng.expovariate(1.0 / PATIENCE_MEAN))
            if req in got:
                stats["answered"] += 1
                if env.now - arrived <= TARGET:
                    stats["within"] += 1
                yield env.timeout(rng.expovariate(1.0 / HANDLE_MEAN))
            else:
                stats["abandoned"] += 1

    def source():
        for _ in range(n):
            env.process(customer())
            yield env.timeout(rng.expovariate(1.0 / ARRIVAL_MEAN))

    env.process(source())
    env.run()
    entered = stats["answered"] + stats["abandoned"]
    print(n, "%.6f" % (stats["abandoned"] / entered), "%.6f" % (stats["within"] / entered))


if __name__ == "__main__":
    main()
