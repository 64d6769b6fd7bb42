fn main() {
    osallistu::boot::start();
}
