cd /work/h-admin
export OMNI_PG_PORT=55811 OMNI_REDIS_PORT=56811 OMNI_IMAP_PORT=51811 OMNI_SMTP_PORT=52811
export OMNIINTAKE_TEST_PG=$(cat .run/pg.url 2>/dev/null) OMNIINTAKE_TEST_REDIS=$(cat .run/redis.url 2>/dev/null)
export OMNIINTAKE_CHROMIUM=/usr/bin/chromium
