// SPDX-License-Identifier: GPL-3.0-or-later
// The small models the tests solve: each a textbook case with a known answer.
#pragma once

#include "modelbuilder.h"

namespace archsim::test {

inline ModelBuilder jackson() {
    ModelBuilder b;
    b.client("web")
        .unit("a-u")
        .component("a", "a-u", 6)
        .unit("b-u")
        .component("b", "b-u", 10)
        .unit("c-u")
        .component("c", "c-u", 8)
        .unit("d-u", 2)
        .component("d", "d-u", 30)
        .call("web", "a")
        .call("web", "b", 0.4)
        .call("web", "c", 0.6)
        .call("web", "d")
        .open("load", "web", 50);
    return b;
}
inline ModelBuilder closedNetwork() {
    ModelBuilder b;
    b.client("desk")
        .unit("s1-u")
        .component("s1", "s1-u", 5)
        .unit("s2-u")
        .component("s2", "s2-u", 8)
        .unit("s3-u")
        .component("s3", "s3-u", 3)
        .call("desk", "s1")
        .call("desk", "s2", 2)
        .call("desk", "s3")
        .closed("users", "desk", 12, 100);
    return b;
}
inline ModelBuilder latencyModel() {
    ModelBuilder b;
    b.client("web")
        .unit("svc-u", 1000)
        .component("svc", "svc-u", 2)
        .unit("db-u")
        .component("db", "db-u", 4)
        .call("web", "svc", 1, 5)
        .call("svc", "db", 1, 3)
        .open("load", "web", 125);
    return b;
}
inline ModelBuilder cacheModel() {
    ModelBuilder b;
    b.client("web")
        .unit("cache-u", 1000)
        .cache("cache", "cache-u", 1, 0.75)
        .unit("db-u")
        .component("db", "db-u", 10)
        .call("web", "cache")
        .call("cache", "db", 1, 1)
        .open("load", "web", 200);
    return b;
}
inline ModelBuilder pairModel(bool sameUnit) {
    ModelBuilder b;
    b.client("web");
    if (sameUnit) {
        b.unit("a-u").component("a", "a-u", 4).component("b", "a-u", 6);
    } else {
        b.unit("a-u", 1000).component("a", "a-u", 4).unit("b-u").component("b", "b-u", 6);
    }
    b.call("web", "a").call("a", "b", 1, 1).open("load", "web", 60);
    return b;
}
inline ModelBuilder asyncModel() {
    ModelBuilder b;
    b.client("web")
        .unit("svc-u")
        .component("svc", "svc-u", 5)
        .unit("worker-u", 2)
        .component("worker", "worker-u", 10)
        .call("web", "svc")
        .call("svc", "worker", 2, 1, CallMode::Async)
        .open("load", "web", 50);
    return b;
}

} // namespace archsim::test
