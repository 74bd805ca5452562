"""Caching of what readers are served, in one place.

- version: the published-content version, read on every API request, bumped by every change;
- http: ETags, 304s, JSON responses with their caching headers, and the shared response cache;
- purge: which API URLs a change to a page makes stale (for the CDN);
- redis: the Redis cache backend that a Redis outage cannot turn into errors.
"""
