export default function Home() {
  return <main>Trailmark</main>;
}
