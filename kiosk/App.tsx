import { Attract } from './attract/Attract';
import { LazyEbookSection } from './ebooks/LazyEbookSection';
import { Borrow } from './borrow/Borrow';
import { Finish } from './finish/Finish';
import { Goodbye } from './finish/Goodbye';
import { Home } from './home/Home';
import { Loans } from './loans/Loans';
import { PinChange } from './pin/PinChange';
import { PinEntry } from './pin/PinEntry';
import { Return } from './return/Return';
import { screenOf, type Screen } from './session/screen';
import { useSession } from './session/use-session';
import { Authenticating } from './signin/Authenticating';
import { CardEntry } from './signin/CardEntry';
import { Layout } from './ui/Layout';

export function App() {
  const screen = useSession(screenOf);
  return (
    <Layout screen={screen}>
      <ScreenView screen={screen} />
    </Layout>
  );
}

function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'attract':
      return <Attract />;
    case 'cardEntry':
      return <CardEntry />;
    case 'pin':
      return <PinEntry />;
    case 'authenticating':
    case 'confirmingOffline':
    case 'checkingCard':
      return <Authenticating />;
    case 'pinChange':
      return <PinChange />;
    case 'home':
      return <Home />;
    case 'borrow':
      return <Borrow />;
    case 'return':
      return <Return />;
    case 'loans':
      return <Loans />;
    case 'finish':
      return <Finish />;
    case 'goodbye':
      return <Goodbye />;
    case 'ebooks':
      return <LazyEbookSection />;
    default: {
      const unknown: never = screen;
      throw new Error(`no view for screen ${String(unknown)}`);
    }
  }
}
