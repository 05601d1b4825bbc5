package social.tsubame.bench;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Many remote servers' shared inboxes, one per loopback address ({@code 127.1.x.y}, each with a port of its own), on
 * one small event loop: each domain takes deliveries (202), answers 500, or is black-holed — it accepts the
 * connection and reads the request but never answers. Counts signed POSTs per domain.
 */
final class SimulatedInboxes implements AutoCloseable {

    enum Behaviour { HEALTHY, FAILING, BLACK_HOLE }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final List<Channel> listening = new ArrayList<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final List<String> domains = new ArrayList<>();

    SimulatedInboxes(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            String address = "127.1." + (i / 250) + "." + (i % 250 + 1);
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel socket) {
                            socket.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                    new Inbox());
                        }
                    })
                    .bind(new InetSocketAddress(address, 0)).sync().channel();
            listening.add(channel);
            String domain = address + ":" + ((InetSocketAddress) channel.localAddress()).getPort();
            domains.add(domain);
            behaviours.put(domain, Behaviour.HEALTHY);
            deliveries.put(domain, new AtomicInteger());
        }
    }

    List<String> domains() {
        return domains;
    }

    void behave(String domain, Behaviour behaviour) {
        behaviours.put(domain, behaviour);
    }

    /** Signed POSTs the domain received, answered or not. */
    int deliveriesTo(String domain) {
        return deliveries.get(domain).get();
    }

    int totalDeliveries() {
        return total.get();
    }

    /** How many of {@code domains} received at least {@code count} deliveries. */
    long reached(Set<String> among, int count) {
        return among.stream().filter(domain -> deliveriesTo(domain) >= count).count();
    }

    private final class Inbox extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            InetSocketAddress local = (InetSocketAddress) context.channel().localAddress();
            String domain = local.getAddress().getHostAddress() + ":" + local.getPort();
            if (request.headers().contains("Signature")) {
                deliveries.get(domain).incrementAndGet();
                total.incrementAndGet();
            }
            Behaviour behaviour = behaviours.get(domain);
            if (behaviour == Behaviour.BLACK_HOLE) {
                return;
            }
            HttpResponseStatus status = behaviour == Behaviour.FAILING ? HttpResponseStatus.INTERNAL_SERVER_ERROR
                    : HttpResponseStatus.ACCEPTED;
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.EMPTY_BUFFER);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            context.writeAndFlush(response);
        }

        /** A sender that gave up on a black hole resets the connection: that is expected, not news. */
        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }

    @Override
    public void close() {
        listening.forEach(Channel::close);
        group.shutdownGracefully();
    }
}
