#pragma once
// How long nobody has touched the kiosk, on a clock the caller gives (the
// visit's seconds), so tests drive it without waiting. No GL.
namespace twin::kiosk {

class IdleTimer {
public:
    explicit IdleTimer(double timeoutSeconds) : timeout_(timeoutSeconds) {}
    void setTimeout(double seconds) { timeout_ = seconds; }
    double timeout() const { return timeout_; }
    // Someone used the kiosk at `now`.
    void touch(double now) { last_ = now; }
    double idleSeconds(double now) const { return now > last_ ? now - last_ : 0.0; }
    bool expired(double now) const { return idleSeconds(now) >= timeout_; }
    // Seconds until it expires (0 once expired).
    double secondsLeft(double now) const {
        double left = timeout_ - idleSeconds(now);
        return left > 0.0 ? left : 0.0;
    }
    double lastInput() const { return last_; }

private:
    double timeout_;
    double last_ = 0.0;
};

}  // namespace twin::kiosk
